// What most controllers and their models name: MVC and its model binding, Mediator's sender, the output cache,
// options, and the portal's own web configuration, filters and models. Kept here once so each file opens with
// what is particular to it.
global using System.Globalization;
global using Mediator;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.ModelBinding;
global using Microsoft.AspNetCore.OutputCaching;
global using Microsoft.Extensions.Options;
global using Rsis.Portal.Application.Common.Caching;
global using Rsis.Portal.Web.Areas.Admin.Models;
global using Rsis.Portal.Web.Configuration;
global using Rsis.Portal.Web.Filters;
global using Rsis.Portal.Web.Models;
