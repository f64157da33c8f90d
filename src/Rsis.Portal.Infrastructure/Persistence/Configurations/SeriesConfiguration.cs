using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class SeriesConfiguration : IEntityTypeConfiguration<Series>
{
    public void Configure(EntityTypeBuilder<Series> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Slug).HasMaxLength(200);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.CodePrefix).HasMaxLength(10);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(s => new { s.Group, s.SortOrder });
    }
}
