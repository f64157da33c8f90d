using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Application.Common.Editing;
using Rsis.Portal.Domain.Editing;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.Property(r => r.EntityType).HasMaxLength(50);
        builder.Property(r => r.By).HasMaxLength(256);
        builder.Property(r => r.Summary).HasMaxLength(Revisions.MaxSummaryLength);
        // One number per version of an item: two saves racing for the same number cannot both be kept.
        builder.HasIndex(r => new { r.EntityType, r.EntityId, r.Number }).IsUnique();
    }
}
