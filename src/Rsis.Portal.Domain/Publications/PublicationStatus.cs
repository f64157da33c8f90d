namespace Rsis.Portal.Domain.Publications;

public enum PublicationStatus
{
    Draft = 0,
    Published = 1,
}
