using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Slug).HasMaxLength(200);
        builder.HasIndex(m => m.Slug);
        builder.Property(m => m.Url).HasMaxLength(2000);
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();

        // SQL Server refuses cascading deletes along a self-reference; children are moved or removed by the app.
        builder.HasOne(m => m.Parent).WithMany(m => m.Children)
            .HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);

        // A deleted target leaves the entry pointing at its own section page instead of failing the delete.
        builder.HasOne<Series>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Page>().WithMany().HasForeignKey(m => m.PageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Publication).WithMany().HasForeignKey(m => m.PublicationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Author>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Category>().WithMany().HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ParentId, m.SortOrder });
    }
}

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(p => p.DeletedBy).HasMaxLength(256);
        builder.HasQueryFilter(p => p.DeletedAtUtc == null);
    }
}

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> builder)
    {
        builder.Property(r => r.OldPath).HasMaxLength(Redirect.MaxPathLength);
        builder.Property(r => r.Target).HasMaxLength(Redirect.MaxTargetLength);
        builder.HasIndex(r => r.OldPath).IsUnique();
        // Chains collapse by finding the redirects that point at an address that moves again.
        builder.HasIndex(r => r.Target);
        builder.HasIndex(r => r.CreatedAtUtc);
    }
}
