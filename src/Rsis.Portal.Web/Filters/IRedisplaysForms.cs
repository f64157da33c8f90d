namespace Rsis.Portal.Web.Filters;

/// <summary>
/// A controller whose forms need more than the posted values to be shown again: the choices of their
/// lists, or facts about the item being edited. <see cref="ValidationFilter"/> calls it before redisplaying.
/// </summary>
public interface IRedisplaysForms
{
    Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken);
}
