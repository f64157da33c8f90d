using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Infrastructure.Identity;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("StaffSessions");
        builder.Property(s => s.Id).HasMaxLength(StaffSession.IdLength).ValueGeneratedNever();
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        // A deleted account takes its sessions with it.
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // Expired sessions are cleared by date.
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}

internal sealed class StaffAccountGuardConfiguration : IEntityTypeConfiguration<StaffAccountGuard>
{
    public void Configure(EntityTypeBuilder<StaffAccountGuard> builder)
    {
        builder.ToTable("StaffAccountGuard");
        builder.Property(g => g.Id).ValueGeneratedNever();
        // The row must exist before any change: an UPDATE that matches no row takes no row lock on SQL Server.
        builder.HasData(new StaffAccountGuard { Id = StaffAccountGuard.TheRow, Changes = 0 });
    }
}
