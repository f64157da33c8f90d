namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The content page form: the page's fields as the commands take them.</summary>
public sealed class PageForm : ItemForm<PageFields, PageFacts>;
