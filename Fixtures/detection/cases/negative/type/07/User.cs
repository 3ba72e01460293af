public class User
{
    public string Password { get; set; }
    public string PasswordSalt { get; set; }
}
