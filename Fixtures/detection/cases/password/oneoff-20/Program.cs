var builder = WebApplication.CreateBuilder(args);
var conn = "Server=sql01;Database=Billing;User Id=billing;Password=violet-cobalt-glacier-76;TrustServerCertificate=True";
