using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public const int MaxTitleLength = 300;

    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(MaxTitleLength);
        builder.Property(e => e.Slug).HasMaxLength(200);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.VenueName).HasMaxLength(300);
        builder.Property(e => e.VenueAddress).HasMaxLength(1000);
        builder.Property(e => e.OnlineUrl).HasMaxLength(2000);
        builder.Property(e => e.RegistrationUrl).HasMaxLength(2000);
        builder.Property(e => e.Guests).HasMaxLength(2000);
        builder.Property(e => e.Summary).HasMaxLength(4000);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.Property(e => e.DeletedBy).HasMaxLength(256);
        builder.Property(e => e.ConcurrencyToken).IsConcurrencyToken();

        // As for publications: an event in the Trash is gone for readers and staff screens alike.
        builder.HasQueryFilter(e => e.DeletedAtUtc == null);

        builder.HasOne(e => e.RelatedSeries).WithMany().HasForeignKey(e => e.RelatedSeriesId).OnDelete(DeleteBehavior.SetNull);

        // Upcoming and past listings filter on status and order by start.
        builder.HasIndex(e => new { e.Status, e.StartsAtUtc });
    }
}

internal sealed class EventSpeakerConfiguration : IEntityTypeConfiguration<EventSpeaker>
{
    public void Configure(EntityTypeBuilder<EventSpeaker> builder)
    {
        builder.HasKey(s => new { s.EventId, s.AuthorId });
        builder.HasQueryFilter(s => s.Event.DeletedAtUtc == null);
        builder.HasOne(s => s.Event).WithMany(e => e.Speakers).HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        // An author who speaks at an event is not deleted from under it (DeleteAuthor says which events).
        builder.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.AuthorId);
    }
}

internal sealed class EventPublicationConfiguration : IEntityTypeConfiguration<EventPublication>
{
    public void Configure(EntityTypeBuilder<EventPublication> builder)
    {
        builder.HasKey(p => new { p.EventId, p.PublicationId });
        builder.HasQueryFilter(p => p.Event.DeletedAtUtc == null && p.Publication.DeletedAtUtc == null);
        builder.HasOne(p => p.Event).WithMany(e => e.RelatedPublications).HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        // A publication purged from the Trash leaves the events it went with.
        builder.HasOne(p => p.Publication).WithMany().HasForeignKey(p => p.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PublicationId);
    }
}

internal sealed class EventCategoryConfiguration : IEntityTypeConfiguration<EventCategory>
{
    public void Configure(EntityTypeBuilder<EventCategory> builder)
    {
        builder.HasKey(c => new { c.EventId, c.CategoryId });
        builder.HasQueryFilter(c => c.Event.DeletedAtUtc == null);
        builder.HasOne(c => c.Event).WithMany(e => e.Categories).HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        // A deleted category is taken off its events as it is taken off its publications.
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CategoryId);
    }
}
