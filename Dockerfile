# The portal's production image: built with the SDK, run on the ASP.NET runtime as a non-root user (app).
# deploy/docker-compose.yml builds it for its replicas.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: precompiled code starts faster (benchmarks/cold-start.sh measures both).
RUN dotnet publish src/Rsis.Portal.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the healthchecks (deploy/docker-compose.yml asks /health/ready); the runtime image has none.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# App_Data is the one folder the portal writes beside itself: the drawn social cards (a cache; see README).
RUN mkdir -p /app/App_Data && chown app /app/App_Data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Rsis.Portal.Web.dll"]
