using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Rsis.Portal.Web.Filters;

/// <summary>
/// A text property that cannot hold null (the fields records' <c>string Name { get; init; } = ""</c>) keeps an empty
/// answer as the empty text it is, rather than MVC's null. With <see cref="MvcOptions.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes"/>
/// this lets a form bind its fields record directly: whether a field may be empty is the validator's rule, said in
/// its words, not MVC's "The Name field is required."
/// </summary>
public sealed class TextAsTyped : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        // Called once per property: MVC keeps the metadata it makes.
        if (context.Key is { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property } && property.PropertyType == typeof(string)
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
