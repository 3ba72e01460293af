public class User {
    private String username;
    private String password;
    private char[] passphrase;
}
