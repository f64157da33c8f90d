using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rsis.Portal.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    AllPublications = table.Column<bool>(type: "bit", nullable: false),
                    Events = table.Column<bool>(type: "bit", nullable: false),
                    Frequency = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastDigestAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastRequestAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Requests = table.Column<int>(type: "int", nullable: false),
                    LinkKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SubscriberId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ItemType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ItemId = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ForDigest = table.Column<bool>(type: "bit", nullable: false),
                    DigestId = table.Column<long>(type: "bigint", nullable: true),
                    GaveUp = table.Column<bool>(type: "bit", nullable: false)
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
                    SubscriberId = table.Column<int>(type: "int", nullable: false),
                    SeriesId = table.Column<int>(type: "int", nullable: false)
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
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = '/subscribe?list=publications' WHERE [Group] = 2 AND Url = '/feeds/publications.rss' AND Title = 'Subscribe to RSIS Publications';");
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = '/subscribe?list=events' WHERE [Group] = 2 AND Url = 'https://www.rsis.edu.sg/' AND Title = 'Subscribe to RSIS Events';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = '/feeds/publications.rss' WHERE [Group] = 2 AND Url = '/subscribe?list=publications';");
            migrationBuilder.Sql("UPDATE SiteLinks SET Url = 'https://www.rsis.edu.sg/' WHERE [Group] = 2 AND Url = '/subscribe?list=events';");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "SubscriberSeries");

            migrationBuilder.DropTable(
                name: "Subscribers");
        }
    }
}
