using System.Reflection;
using System.Runtime.CompilerServices;
using LicenseManager.Host;
using LicenseManager.Platform.Modules;

namespace LicenseManager.IntegrationTests.Architecture;

/// <summary>
/// The module boundary: a module references the Platform and other modules' Contracts only, and
/// exposes nothing but its <c>&lt;M&gt;Module</c> type; Contracts and the Platform reference no module.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly IModule[] Modules = Composition.Modules();

    public static TheoryData<string> ModuleNames => new(Modules.Select(m => m.Name));

    [Fact]
    public void Host_ListsTheFourModulesInProviderOrder()
    {
        Modules.Select(m => m.Name).ShouldBe(["Identity", "Catalog", "Subscriptions", "Licenses"]);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_ReferencesNoOtherModuleImplementation(string name)
    {
        var assembly = ModuleAssembly(name);
        var implementations = Modules.Select(m => m.GetType().Assembly.GetName().Name).ToHashSet();

        var offending = assembly.GetReferencedAssemblies()
            .Select(a => a.Name)
            .Where(implementations.Contains)
            .ToList();

        offending.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_ExposesOnlyItsModuleType(string name)
    {
        var assembly = ModuleAssembly(name);

        var exposed = assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();

        exposed.ShouldBe([$"LicenseManager.{name}.{name}Module"]);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_ReferenceNoModuleImplementation(string name)
    {
        var contracts = Assembly.Load($"LicenseManager.{name}.Contracts");
        var implementations = Modules.Select(m => m.GetType().Assembly.GetName().Name).ToHashSet();

        contracts.GetReferencedAssemblies().Select(a => a.Name).Where(implementations.Contains).ShouldBeEmpty();
    }

    [Fact]
    public void Platform_ReferencesNoModule()
    {
        var platform = typeof(IModule).Assembly;

        platform.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("LicenseManager.", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_ProjectReferencesOnlyPlatformAndContracts(string name)
    {
        // Assembly references only list assemblies that the compiled code uses; the project file is the
        // stronger statement, so check it too.
        var project = Path.Combine(RepositoryRoot(), "src", "Modules", name, $"LicenseManager.{name}", $"LicenseManager.{name}.csproj");
        var references = System.Xml.Linq.XDocument.Load(project)
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();

        references.ShouldAllBe(r => r == "LicenseManager.Platform" || r.EndsWith(".Contracts"));
    }

    private static Assembly ModuleAssembly(string name) => Modules.Single(m => m.Name == name).GetType().Assembly;

    internal static string RepositoryRoot() =>
        Host.LocalDatabase.LocalCluster.RepositoryRoot(AppContext.BaseDirectory);
}
