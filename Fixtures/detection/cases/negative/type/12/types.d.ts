declare module 'db' {
  export function connect(opts: { user: string; password: string }): Promise<void>;
}
