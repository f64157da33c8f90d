using Microsoft.EntityFrameworkCore.Infrastructure;
using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Editing;
using Rsis.Portal.Domain.Events;
using Rsis.Portal.Domain.Feedback;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Common.Interfaces;

/// <summary>The portal's database as the use cases see it; handlers query it directly (no repositories).</summary>
public interface IPortalDbContext
{
    DbSet<Series> Series { get; }
    DbSet<Publication> Publications { get; }
    DbSet<Author> Authors { get; }
    DbSet<Category> Categories { get; }
    DbSet<PublicationAuthor> PublicationAuthors { get; }
    DbSet<PublicationCategory> PublicationCategories { get; }
    DbSet<PublicationPdf> PublicationPdfs { get; }
    DbSet<PublicationCorrection> PublicationCorrections { get; }
    DbSet<MenuItem> MenuItems { get; }
    DbSet<Page> Pages { get; }
    DbSet<SiteSettings> SiteSettings { get; }
    DbSet<SiteLink> SiteLinks { get; }
    DbSet<FeedbackEntry> Feedback { get; }
    DbSet<AppliedSeed> AppliedSeeds { get; }
    DbSet<Redirect> Redirects { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Revision> Revisions { get; }
    DbSet<Subscriber> Subscribers { get; }
    DbSet<SubscriberSeries> SubscriberSeries { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<Event> Events { get; }
    DbSet<EventSpeaker> EventSpeakers { get; }
    DbSet<EventPublication> EventPublications { get; }
    DbSet<EventCategory> EventCategories { get; }

    /// <summary>The set of any entity type, for code that works on every edited type alike (the editing pipeline).</summary>
    DbSet<TEntity> Set<TEntity>() where TEntity : class;

    /// <summary>For the rare use case that needs a transaction around more than one save.</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
