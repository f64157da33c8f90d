using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Security;
using Rsis.Portal.IntegrationTests.Infrastructure;

namespace Rsis.Portal.IntegrationTests.Hosting;

/// <summary>
/// With <c>DataProtection:CertificatePath</c> set, the keys that sign staff cookies and antiforgery tokens are
/// stored encrypted with that certificate, and every app node still reads them. The certificate is a self-signed
/// one made here.
/// </summary>
public sealed class DataProtectionKeyTests(DataProtectionKeyTests.WithCertificate portal) : IClassFixture<DataProtectionKeyTests.WithCertificate>
{
    public sealed class WithCertificate : StaffPortal
    {
        public const string Password = "certificate passphrase";

        public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"rsis-portal-keys-{Guid.NewGuid():N}.pfx");

        public WithCertificate()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Rsis.Portal Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
        }

        public IEnumerable<(string Key, string Value)> SameSettings =>
        [
            ("Admin:SignInPermitsPerWindow", "100000"),
            ("DataProtection:CertificatePath", CertificatePath),
            ("DataProtection:CertificatePassword", Password),
        ];

        protected override IEnumerable<(string Key, string Value)> Settings => SameSettings;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(CertificatePath);
        }
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sessions_still_work_on_every_node()
    {
        var staff = await portal.CreateStaffAsync(StaffRoles.Editor);
        var browser = CookieBrowser.Open(portal);
        (await browser.Client.SignInAsync(staff.Email, staff.Password)).Dispose();
        var dashboard = await browser.Client.GetPageAsync("/admin");
        var keys = await portal.WithDatabaseAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken));
        // A node that did not make the key reads it from the database, where only the certificate can decrypt it.
        await using var otherNode = new PortalNode(portal.DatabasePath, portal.SameSettings);
        var onOtherNode = await CookieBrowser.Open(otherNode, browser.Copy()).Client.GetPageAsync("/admin");

        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("Dashboard", onOtherNode.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong password")]
    public async Task A_certificate_that_cannot_be_read_stops_the_app_at_startup_saying_which_setting(string problem)
    {
        var path = problem == "missing" ? Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pfx") : portal.CertificatePath;
        await using var misconfigured = new PortalNode(Path.Combine(Path.GetTempPath(), $"rsis-unused-{Guid.NewGuid():N}.db"),
        [
            ("DataProtection:CertificatePath", path),
            ("DataProtection:CertificatePassword", "not the passphrase"),
        ]);

        var failure = Assert.Throws<InvalidOperationException>(() => misconfigured.CreateClient());

        Assert.Contains($"DataProtection:CertificatePath is \"{path}\", but that certificate cannot be read", failure.Message, StringComparison.Ordinal);
    }
}
