#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
// A bare Kestrel static-file server: nothing but Kestrel and the static-file middleware, no logging. Issue 15 measures
// the portal's cached pages against it (benchmarks/throughput.sh starts it on the same bytes).
//   dotnet run -c Release benchmarks/static-server.cs -- <folder> <url>
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[1]);
var app = builder.Build();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(args[0])) });
app.Run();
