namespace Rsis.Portal.Application.StaffAccounts.SignOutEverywhere;

/// <summary>Ends every session of the signed-in member of staff's account: on other devices, on every app node, and this one.</summary>
public sealed record SignOutEverywhere : ICommand;

public sealed class SignOutEverywhereHandler(IStaffAccounts accounts) : ICommandHandler<SignOutEverywhere>
{
    public async ValueTask<Unit> Handle(SignOutEverywhere command, CancellationToken cancellationToken)
    {
        await accounts.SignOutEverywhereAsync(cancellationToken);
        return Unit.Value;
    }
}
