using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rsis.Portal.Infrastructure;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for SQL Server; no server is contacted to add a migration.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlServer("Server=(design-time);Database=RsisPortal;Trusted_Connection=True",
                sql => sql.MigrationsAssembly(DependencyInjection.SqlServerMigrationsAssembly))
            .Options);
}
