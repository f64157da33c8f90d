using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Infrastructure.Persistence;

/// <summary>
/// The one place that stamps what every save of an edited item needs: a new concurrency token for each changed
/// item (<see cref="IEdited"/>), when it changed (<see cref="IEditedAt"/>), and who made and changed it
/// (<see cref="IEditedBy"/>). A SaveChanges interceptor rather than a mediator behaviour: it sees exactly the
/// rows that change, however a use case reached them, and use cases that change nothing save nothing and so stamp
/// nothing. Values set already on a new item are kept (the seed records itself as "seed").
/// </summary>
internal sealed class EditStamping(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changedParts = context.ChangeTracker.Entries<IPartOfEdited>()
            .Where(part => part.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(part => part.Entity)
            .ToList();
        foreach (var entry in context.ChangeTracker.Entries<IEdited>().ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    StampNew(entry.Entity, now);
                    break;
                case EntityState.Modified:
                case EntityState.Unchanged when changedParts.Exists(part => part.IsPartOf(entry.Entity)):
                    // EF compares the old token in the UPDATE's WHERE clause: a save based on a stale read
                    // affects no row and fails instead of overwriting someone else's edit.
                    StampChanged(entry, now);
                    break;
            }
        }
    }

    private void StampNew(IEdited item, DateTime now)
    {
        if (item is IEditedBy signed)
        {
            signed.CreatedBy ??= currentUser.Name;
            signed.UpdatedBy ??= signed.CreatedBy;
            if (signed.CreatedAtUtc == default)
            {
                signed.CreatedAtUtc = now;
            }
        }

        if (item is IEditedAt dated && dated.UpdatedAtUtc == default)
        {
            dated.UpdatedAtUtc = now;
        }
    }

    /// <summary>Set through the entry, so a row that had only its parts changed is updated too.</summary>
    private void StampChanged(EntityEntry<IEdited> entry, DateTime now)
    {
        entry.Property(nameof(IEdited.ConcurrencyToken)).CurrentValue = Guid.NewGuid();
        if (entry.Entity is IEditedAt)
        {
            entry.Property(nameof(IEditedAt.UpdatedAtUtc)).CurrentValue = now;
        }

        if (entry.Entity is IEditedBy)
        {
            entry.Property(nameof(IEditedBy.UpdatedBy)).CurrentValue = currentUser.Name;
        }
    }
}
