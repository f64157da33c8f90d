using FluentValidation;
using Mediator;
using Rsis.Portal.Application.Common.Behaviors;

namespace Rsis.Portal.UnitTests.Common;

public sealed class ValidationBehaviorTests
{
    public sealed record Rate(int Rating, string? Comment) : ICommand<string>;

    private sealed class RatingValidator : AbstractValidator<Rate>
    {
        public RatingValidator() => RuleFor(r => r.Rating).InclusiveBetween(1, 6).WithMessage("Choose a rating from 1 to 6.");
    }

    private sealed class CommentValidator : AbstractValidator<Rate>
    {
        public CommentValidator() => RuleFor(r => r.Comment).MaximumLength(5).WithMessage("Keep the comment short.");
    }

    private static readonly IValidator<Rate>[] Validators = [new RatingValidator(), new CommentValidator()];

    [Fact]
    public async Task A_valid_message_reaches_its_handler()
    {
        var behavior = new ValidationBehavior<Rate, string>(Validators);

        var result = await behavior.Handle(new Rate(6, "Good"), (_, _) => ValueTask.FromResult("handled"), TestContext.Current.CancellationToken);

        Assert.Equal("handled", result);
    }

    [Fact]
    public async Task An_invalid_message_never_reaches_its_handler_and_every_validators_failures_are_reported()
    {
        var behavior = new ValidationBehavior<Rate, string>(Validators);
        var handled = false;

        var exception = await Assert.ThrowsAsync<ValidationException>(async () =>
            await behavior.Handle(new Rate(7, "Far too long"), (_, _) =>
            {
                handled = true;
                return ValueTask.FromResult("handled");
            }, TestContext.Current.CancellationToken));

        Assert.False(handled);
        Assert.Equal(
            [("Rating", "Choose a rating from 1 to 6."), ("Comment", "Keep the comment short.")],
            exception.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }
}
