using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Identity;

/// <summary>
/// The Data Protection keys (they sign the staff cookies and antiforgery tokens) in the portal's database, so that
/// every app node shares them; encrypted with a certificate when <c>DataProtection:CertificatePath</c> names one.
/// Without a certificate a key is stored as it is, and whoever can read the database can forge a staff cookie;
/// ASP.NET Core warns of that each time it makes a key, and the warning is left for exactly that case.
/// </summary>
public static class DataProtectionKeys
{
    public const string SectionName = "DataProtection";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("Rsis.Portal")
            .PersistKeysToDbContext<PortalDbContext>();

        var path = configuration[$"{SectionName}:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            // Read at startup, so a wrong path or password stops the app with a message rather than at the first sign-in.
            keys.ProtectKeysWithCertificate(LoadCertificate(Path.GetFullPath(path, contentRoot), configuration[$"{SectionName}:CertificatePassword"]));
        }

        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{SectionName}:CertificatePath is \"{path}\", but that certificate cannot be read ({exception.Message}). " +
                $"Give the path of a PFX (PKCS #12) file this app may read, and its password in {SectionName}:CertificatePassword.",
                exception);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{SectionName}:CertificatePath is \"{path}\", but that file has no private key, without which the keys it protects could not be read back.");
        }

        return certificate;
    }
}
