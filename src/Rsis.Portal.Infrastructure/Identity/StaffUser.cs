using Microsoft.AspNetCore.Identity;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>A member of staff who signs in to the admin area. The user name is the email address.</summary>
public class StaffUser : IdentityUser
{
}
