export const Login = () => (
  <form>
    <label htmlFor="password">Password</label>
    <input id="password" type="password" placeholder="Enter your password" />
  </form>
);
