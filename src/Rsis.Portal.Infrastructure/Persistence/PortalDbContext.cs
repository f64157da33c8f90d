using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Auditing;
using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Editing;
using Rsis.Portal.Domain.Events;
using Rsis.Portal.Domain.Feedback;
using Rsis.Portal.Domain.Navigation;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Domain.Site;
using Rsis.Portal.Domain.Subscriptions;
using Rsis.Portal.Infrastructure.Identity;

namespace Rsis.Portal.Infrastructure.Persistence;

/// <summary>
/// The one DbContext of the portal, for SQLite and SQL Server alike. It also holds the staff accounts
/// (Identity), their sessions and the Data Protection keys, so that every app node shares sign-in sessions and
/// antiforgery tokens through the database; the use cases see only <see cref="IPortalDbContext"/>.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IPortalDbContext, IDataProtectionKeyContext
{
    public DbSet<Series> Series => Set<Series>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<PublicationAuthor> PublicationAuthors => Set<PublicationAuthor>();
    public DbSet<PublicationCategory> PublicationCategories => Set<PublicationCategory>();
    public DbSet<PublicationPdf> PublicationPdfs => Set<PublicationPdf>();
    public DbSet<PublicationCorrection> PublicationCorrections => Set<PublicationCorrection>();
    public DbSet<MenuItem> MenuItems => Set<MenuItem>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<SiteLink> SiteLinks => Set<SiteLink>();
    public DbSet<FeedbackEntry> Feedback => Set<FeedbackEntry>();
    public DbSet<AppliedSeed> AppliedSeeds => Set<AppliedSeed>();
    public DbSet<Redirect> Redirects => Set<Redirect>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<SubscriberSeries> SubscriberSeries => Set<SubscriberSeries>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventSpeaker> EventSpeakers => Set<EventSpeaker>();
    public DbSet<EventPublication> EventPublications => Set<EventPublication>();
    public DbSet<EventCategory> EventCategories => Set<EventCategory>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<StaffAccountGuard> StaffAccountGuard => Set<StaffAccountGuard>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
