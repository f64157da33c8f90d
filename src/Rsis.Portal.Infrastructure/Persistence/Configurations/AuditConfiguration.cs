using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Auditing;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.ChangedBy).HasMaxLength(256);
        builder.Property(e => e.EntityType).HasMaxLength(50);
        builder.Property(e => e.EntityId).HasMaxLength(50);
        builder.Property(e => e.EntityLabel).HasMaxLength(200);
        // The field changes travel with their entry and are only ever read with it: one JSON column.
        builder.OwnsMany(e => e.Changes, changes => changes.ToJson());
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.AtUtc });
    }
}
