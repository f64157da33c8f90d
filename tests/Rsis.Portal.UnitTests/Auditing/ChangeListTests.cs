using Rsis.Portal.Application.Common.Auditing;
using Rsis.Portal.Domain.Auditing;

namespace Rsis.Portal.UnitTests.Auditing;

public sealed class ChangeListTests
{
    [Fact]
    public void A_changed_field_is_recorded_old_to_new_and_an_unchanged_one_is_not()
    {
        var changes = new ChangeList();

        changes.Value("Title", "Old title", "New title");
        changes.Value("Code", "CO13046", "CO13046");

        var change = Assert.Single(changes.Changes);
        Assert.Equal(("Title", "Old title", "New title"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public void A_long_value_is_shortened_so_the_audit_log_stays_readable()
    {
        var changes = new ChangeList();

        changes.Value("Synopsis", "short", new string('x', 2000));

        Assert.Equal(AuditEntry.MaxValueLength, changes.Changes[0].NewValue!.Length);
        Assert.EndsWith("…", changes.Changes[0].NewValue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_change_is_summarised_by_paragraphs_and_length_not_copied_whole()
    {
        var changes = new ChangeList();
        const string before = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.";
        const string after = "First paragraph.\n\nSecond paragraph, corrected.\n\nThird paragraph.\n\nA new fourth.";

        changes.Text("Body", before, after);

        var change = Assert.Single(changes.Changes);
        Assert.Null(change.OldValue);
        Assert.Equal($"1 paragraph changed, 1 paragraph added ({before.Length} → {after.Length} characters)", change.NewValue);
    }

    [Fact]
    public void Removed_paragraphs_are_counted_as_removed()
    {
        Assert.Equal("2 paragraphs removed (15 → 3 characters)", ChangeList.Summarise("One\n\nTwo\n\nThree", "One"));
    }
}
