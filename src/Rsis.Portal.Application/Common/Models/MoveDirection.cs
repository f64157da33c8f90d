namespace Rsis.Portal.Application.Common.Models;

/// <summary>Which way a staff member moves an item within its ordered list (a menu entry, a footer link).</summary>
public enum MoveDirection
{
    Up = 0,
    Down = 1,
}
