using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(400);
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Synopsis).HasMaxLength(4000);
        builder.Property(p => p.AboutTheAuthors).HasMaxLength(4000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(p => p.DeletedBy).HasMaxLength(256);

        // A publication in the Trash is gone for readers and for staff screens alike; only the Trash screen,
        // the 410 answer and the purge ask for it (IgnoreQueryFilters). Its code and address stay taken.
        builder.HasQueryFilter(p => p.DeletedAtUtc == null);

        builder.HasOne(p => p.Series).WithMany(s => s.Publications)
            .HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.Restrict);

        // Listings filter on visibility and sort newest first (date, then code). The indexes hold every column
        // that filter and order read, so counting, paging deep and counting by year never open the rows
        // themselves (which, with their bodies, are most of the file): at 100,000 publications a count of a
        // series' publications took 0.3 s through the table and takes milliseconds through the index.
        // The Trash's column is in them too, after the status, since the query filter above reads it: without
        // it every entry cost a read of its row again (0.55 s, not 25 ms, for the counts beside all publications
        // at 100,000). A column, not a filtered index, so that SQLite counts the index as covering.
        builder.HasIndex(p => new { p.Status, p.DeletedAtUtc, p.PublishedOn, p.Code, p.PublishAtUtc });
        builder.HasIndex(p => new { p.SeriesId, p.Status, p.DeletedAtUtc, p.PublishedOn, p.Code, p.PublishAtUtc });
    }
}

internal sealed class PublicationCorrectionConfiguration : IEntityTypeConfiguration<PublicationCorrection>
{
    public void Configure(EntityTypeBuilder<PublicationCorrection> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(PublicationCorrection.MaxNoteLength);
        builder.HasOne<Publication>().WithMany()
            .HasForeignKey(c => c.PublicationId).OnDelete(DeleteBehavior.Cascade);
        // The article lists its corrections newest first.
        builder.HasIndex(c => new { c.PublicationId, c.AtUtc });
    }
}

internal sealed class PublicationAuthorConfiguration : IEntityTypeConfiguration<PublicationAuthor>
{
    public void Configure(EntityTypeBuilder<PublicationAuthor> builder)
    {
        builder.HasKey(pa => new { pa.PublicationId, pa.AuthorId });
        // The filter of the publication, so that an author's or category's publications leave out those in the Trash.
        builder.HasQueryFilter(pa => pa.Publication.DeletedAtUtc == null);
        builder.HasOne(pa => pa.Publication).WithMany(p => p.Authors)
            .HasForeignKey(pa => pa.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pa => pa.Author).WithMany(a => a.Publications)
            .HasForeignKey(pa => pa.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pa => pa.AuthorId);
    }
}

internal sealed class PublicationCategoryConfiguration : IEntityTypeConfiguration<PublicationCategory>
{
    public void Configure(EntityTypeBuilder<PublicationCategory> builder)
    {
        builder.HasKey(pc => new { pc.PublicationId, pc.CategoryId });
        builder.HasQueryFilter(pc => pc.Publication.DeletedAtUtc == null);
        builder.HasOne(pc => pc.Publication).WithMany(p => p.Categories)
            .HasForeignKey(pc => pc.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pc => pc.Category).WithMany(c => c.Publications)
            .HasForeignKey(pc => pc.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(pc => pc.CategoryId);
    }
}

internal sealed class PublicationPdfConfiguration : IEntityTypeConfiguration<PublicationPdf>
{
    public void Configure(EntityTypeBuilder<PublicationPdf> builder)
    {
        builder.HasKey(f => new { f.PublicationId, f.Source });
        builder.HasQueryFilter(f => f.Publication.DeletedAtUtc == null);
        builder.HasOne(f => f.Publication).WithMany()
            .HasForeignKey(f => f.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.OriginalFileName).HasMaxLength(260);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentKey).HasMaxLength(64);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
    }
}
