namespace Rsis.Portal.Web.Configuration;

/// <summary>
/// The <c>backup</c> command, run instead of the web host: <c>backup /var/backups/rsis-portal.db</c> copies the
/// SQLite database while the site runs. It needs only the configuration, so it neither migrates nor seeds.
/// </summary>
public static class DatabaseBackupCommand
{
    /// <summary>Makes the copy and answers the process exit code: 0 written, 1 failed (with the reason), 2 misused.</summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return await PortalCommand.Backup.RunAsync(args, target =>
        {
            var backup = SqliteBackup.BackUp(builder.Configuration, builder.Environment.ContentRootPath, target);
            return Task.FromResult<IEnumerable<string>>([
                $"Backed up {backup.Source} to {backup.Target} ({backup.Bytes:N0} bytes).",
                "To restore: stop the site, put this file in place of the database (and delete its -wal and -shm files), start the site.",
            ]);
        }, exception => exception is BackupFailedException);
    }
}
