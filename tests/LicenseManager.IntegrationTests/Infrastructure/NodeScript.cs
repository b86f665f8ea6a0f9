using System.Diagnostics;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a Node.js script of the repository (real JavaScript clients against a running server). The npm packages
/// of <c>tests/apq-client</c> are installed from its lock file when missing (.ci/run installs them beforehand).
/// </summary>
public static class NodeScript
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ApqClientDirectory => Path.Combine(RepositoryRoot, "tests", "apq-client");

    public static async Task EnsurePackagesAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ApqClientDirectory, "node_modules", "@apollo", "client")))
            {
                return;
            }

            var (exit, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ApqClientDirectory, TimeSpan.FromMinutes(5));
            exit.ShouldBe(0, $"npm ci in tests/apq-client failed:\n{output}\n{error}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static Task<(int Exit, string Output, string Error)> NodeAsync(string script, params string[] arguments) =>
        RunAsync("node", [Path.Combine(RepositoryRoot, script), .. arguments], RepositoryRoot, TimeSpan.FromMinutes(2));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}: is Node.js (18+) installed?");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LicenseManager.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LicenseManager.sln not found above the test binaries.");
    }
}
