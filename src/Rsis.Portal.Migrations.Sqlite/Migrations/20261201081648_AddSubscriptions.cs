using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Subscribers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    AllPublications = table.Column<bool>(type: "INTEGER", nullable: false),
                    Events = table.Column<bool>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastDigestAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRequestAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ForDigest = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestId = table.Column<long>(type: "INTEGER", nullable: true),
                    GaveUp = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "Subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubscriberSeries",
                columns: table => new
                {
                    SubscriberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriberSeries", x => new { x.SubscriberId, x.SeriesId });
                    table.ForeignKey(
                        name: "FK_SubscriberSeries_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubscriberSeries_Subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "Subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DigestId",
                table: "OutboxMessages",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAtUtc_NextAttemptAtUtc",
                table: "OutboxMessages",
                columns: new[] { "SentAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SubscriberId_ItemType_ItemId_Kind",
                table: "OutboxMessages",
                columns: new[] { "SubscriberId", "ItemType", "ItemId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_ConfirmedAtUtc_CreatedAtUtc",
                table: "Subscribers",
                columns: new[] { "ConfirmedAtUtc", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_Email",
                table: "Subscribers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriberSeries_SeriesId",
                table: "SubscriberSeries",
                column: "SeriesId");

            // The footer's two Subscribe links open the subscription form now; a link staff have pointed elsewhere is left alone.
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = '/subscribe?list=publications' WHERE \"Group\" = 2 AND Url = '/feeds/publications.rss' AND Title = 'Subscribe to RSIS Publications';");
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = '/subscribe?list=events' WHERE \"Group\" = 2 AND Url = 'https://www.rsis.edu.sg/' AND Title = 'Subscribe to RSIS Events';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = '/feeds/publications.rss' WHERE \"Group\" = 2 AND Url = '/subscribe?list=publications';");
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = 'https://www.rsis.edu.sg/' WHERE \"Group\" = 2 AND Url = '/subscribe?list=events';");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "SubscriberSeries");

            migrationBuilder.DropTable(
                name: "Subscribers");
        }
    }
}
