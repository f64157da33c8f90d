// What nearly every use case names: the Mediator and FluentValidation contracts, EF Core's query operators, the
// portal's shared Application parts and the domain types staff edit. Kept here once (as the Clean Architecture
// template does) so each use case file opens with what is particular to it.
global using System.Globalization;
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using Rsis.Portal.Application.Common;
global using Rsis.Portal.Application.Common.Auditing;
global using Rsis.Portal.Application.Common.Caching;
global using Rsis.Portal.Application.Common.Editing;
global using Rsis.Portal.Application.Common.Interfaces;
global using Rsis.Portal.Application.Common.Models;
global using Rsis.Portal.Application.Common.Text;
global using Rsis.Portal.Domain.Auditing;
global using Rsis.Portal.Domain.Navigation;
global using Rsis.Portal.Domain.Publications;
global using Rsis.Portal.Domain.Site;
