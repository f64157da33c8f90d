namespace Rsis.Portal.Application.StaffAccounts.ListStaffAccounts;

/// <summary>Every staff account, by email, with its roles, lockout and last change.</summary>
public sealed record ListStaffAccounts : IQuery<IReadOnlyList<StaffAccountFacts>>;

public sealed class ListStaffAccountsHandler(IStaffAccounts accounts) : IQueryHandler<ListStaffAccounts, IReadOnlyList<StaffAccountFacts>>
{
    public async ValueTask<IReadOnlyList<StaffAccountFacts>> Handle(ListStaffAccounts query, CancellationToken cancellationToken) =>
        await accounts.ListAsync(cancellationToken);
}
