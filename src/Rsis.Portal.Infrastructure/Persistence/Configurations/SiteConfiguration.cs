using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Feedback;
using Rsis.Portal.Domain.Site;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SchoolName).HasMaxLength(200);
        builder.Property(s => s.Tagline).HasMaxLength(200);
        builder.Property(s => s.Motto).HasMaxLength(200);
        builder.Property(s => s.UniversityName).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(1000);
        builder.Property(s => s.DirectionsUrl).HasMaxLength(2000);
        builder.Property(s => s.Copyright).HasMaxLength(400);
        builder.Property(s => s.CookieNotice).HasMaxLength(1000);
        builder.Property(s => s.ContactEmail).HasMaxLength(254);
        builder.Property(s => s.PromoTitle).HasMaxLength(200);
        builder.Property(s => s.PromoUrl).HasMaxLength(2000);
        builder.Property(s => s.PromoImageContentType).HasMaxLength(50);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class SiteLinkConfiguration : IEntityTypeConfiguration<SiteLink>
{
    public void Configure(EntityTypeBuilder<SiteLink> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.Url).HasMaxLength(2000);
        builder.Property(l => l.Network).HasMaxLength(50);
        builder.HasIndex(l => new { l.Group, l.SortOrder });
    }
}

internal sealed class FeedbackEntryConfiguration : IEntityTypeConfiguration<FeedbackEntry>
{
    public void Configure(EntityTypeBuilder<FeedbackEntry> builder)
    {
        builder.ToTable("Feedback");
        // The 255-character limit counts characters as a person sees them; one emoji can be many
        // UTF-16 units, so the column leaves room for them.
        builder.Property(f => f.Liked).HasMaxLength(FeedbackEntry.MaxStoredTextLength);
        builder.Property(f => f.CouldImprove).HasMaxLength(FeedbackEntry.MaxStoredTextLength);
        builder.Property(f => f.Email).HasMaxLength(FeedbackEntry.MaxEmailLength);
        builder.Property(f => f.PagePath).HasMaxLength(2000);
        builder.Property(f => f.UserAgent).HasMaxLength(512);
        builder.HasIndex(f => f.SubmittedAtUtc);
    }
}

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}
