it('hides the password field', () => {
  render(<Login />);
  expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
});
