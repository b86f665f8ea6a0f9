namespace LicenseManager.Host.LocalDatabase;

/// <summary>The local cluster cannot start: the message is one line saying what to do.</summary>
public sealed class LocalClusterException(string message) : Exception(message);
