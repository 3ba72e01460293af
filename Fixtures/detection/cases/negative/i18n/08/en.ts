export default {
  password: 'Password',
  passwordRequired: 'Password is required',
  passwordTooShort: 'Password must have at least 8 characters',
};
