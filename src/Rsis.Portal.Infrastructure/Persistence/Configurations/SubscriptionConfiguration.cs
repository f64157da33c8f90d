using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Infrastructure.Persistence.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(Subscriber.MaxEmailLength);
        // Stored normalized (see SubscriberAddress), so equality here is equality of mailboxes.
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasIndex(s => new { s.ConfirmedAtUtc, s.CreatedAtUtc });
        builder.HasMany(s => s.Series).WithOne().HasForeignKey(s => s.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsConfirmed);
    }
}

internal sealed class SubscriberSeriesConfiguration : IEntityTypeConfiguration<SubscriberSeries>
{
    public void Configure(EntityTypeBuilder<SubscriberSeries> builder)
    {
        builder.HasKey(s => new { s.SubscriberId, s.SeriesId });
        builder.HasOne<Series>().WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.ItemType).HasMaxLength(50);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // "Never twice": one row per recipient and item and kind, whoever writes it, on any node.
        builder.HasIndex(m => new { m.SubscriberId, m.ItemType, m.ItemId, m.Kind }).IsUnique();
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.DigestId);
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(m => m.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
