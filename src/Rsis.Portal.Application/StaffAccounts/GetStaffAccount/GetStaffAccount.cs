namespace Rsis.Portal.Application.StaffAccounts.GetStaffAccount;

/// <summary>One account's page: the account, and whether it is the signed-in administrator's own. Null when there is no such account.</summary>
public sealed record GetStaffAccount(string Id) : IQuery<StaffAccountPage?>;

public sealed record StaffAccountPage(StaffAccountFacts Account, bool IsYours);

public sealed class GetStaffAccountHandler(IStaffAccounts accounts, ICurrentUser you) : IQueryHandler<GetStaffAccount, StaffAccountPage?>
{
    public async ValueTask<StaffAccountPage?> Handle(GetStaffAccount query, CancellationToken cancellationToken) =>
        await accounts.FindAsync(query.Id, cancellationToken) is { } account ? new StaffAccountPage(account, account.Id == you.Id) : null;
}
