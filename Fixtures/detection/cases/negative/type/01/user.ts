export interface User {
  email: string;
  password: string;
  passwordHash?: string | null;
}
