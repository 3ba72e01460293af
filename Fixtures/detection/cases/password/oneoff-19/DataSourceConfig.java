class DataSourceConfig {
    DataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setUsername("shop");
        ds.setPassword("8oJYnGjvSR85oMUckCycX8ao");
        return ds;
    }
}
