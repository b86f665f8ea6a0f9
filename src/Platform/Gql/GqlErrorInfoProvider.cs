using GraphQL;
using GraphQL.Execution;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// Every error carries <c>extensions.code</c>. Unexpected exceptions show a generic message outside
/// Development (their code would otherwise leak the .NET exception type); in Development they carry the
/// exception in <c>extensions.details</c>. Expected errors (thrown <see cref="ExecutionError"/>s such as
/// authorization failures) never carry a stack trace.
/// </summary>
public sealed class GqlErrorInfoProvider(bool exposeDetails)
    : ErrorInfoProvider(new ErrorInfoProviderOptions
    {
        ExposeCode = true,
        ExposeCodes = false,
        ExposeData = false,
        ExposeExceptionDetails = false,
    })
{
    public const string UnexpectedCode = "UNEXPECTED_EXECUTION_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is UnhandledError unhandled)
        {
            if (!exposeDetails)
            {
                return new ErrorInfo
                {
                    Message = "Unexpected Execution Error",
                    Extensions = new Dictionary<string, object?> { ["code"] = UnexpectedCode },
                };
            }

            var detailed = base.GetInfo(executionError);
            detailed.Extensions = new Dictionary<string, object?>(detailed.Extensions ?? new Dictionary<string, object?>())
            {
                ["code"] = UnexpectedCode,
                ["details"] = (unhandled.InnerException ?? unhandled).ToString(),
            };
            return detailed;
        }

        var info = base.GetInfo(executionError);
        if (string.IsNullOrEmpty(executionError.Code))
        {
            info.Extensions = new Dictionary<string, object?>(info.Extensions ?? new Dictionary<string, object?>()) { ["code"] = "EXECUTION_ERROR" };
        }

        return info;
    }
}
