import java.sql.*;

class Db {
    static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://db/shop", "shop", "Quartz*2007-");
    }
}
