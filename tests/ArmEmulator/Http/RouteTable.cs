using System;
using System.Collections.Generic;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Values captured from <c>{name}</c> segments of a route template.</summary>
    internal sealed class RouteValues
    {
        private readonly Dictionary<string, string> values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string this[string name] => values[name];

        public void Add(string name, string value) => values[name] = value;
    }

    /// <summary>
    /// A small segment matcher. ARM paths are case-insensitive, including the literal segments
    /// (resourcegroups, microsoft.cognitiveservices), so literals compare ignoring case.
    /// </summary>
    internal sealed class RouteTable
    {
        private readonly List<Route> routes = new List<Route>();

        public void Add(string method, string template, Func<ArmRequest, RouteValues, ArmResponse> handler)
        {
            routes.Add(new Route(method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));
        }

        /// <summary>Runs the handler for the request, or answers 404/405 when none fits.</summary>
        public ArmResponse Dispatch(ArmRequest request)
        {
            bool pathMatched = false;
            foreach (Route route in routes)
            {
                RouteValues? values = route.Match(request.Segments);
                if (values == null)
                {
                    continue;
                }

                pathMatched = true;
                if (string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                {
                    return route.Handler(request, values);
                }
            }

            return pathMatched
                ? ArmErrors.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{request.Method}'.")
                : ArmErrors.Error(404, "InvalidResourceType", $"The resource type could not be found for path '{request.Path}' and api version '{request.ApiVersion}'.");
        }

        private sealed class Route
        {
            private readonly string[] template;

            public Route(string method, string[] template, Func<ArmRequest, RouteValues, ArmResponse> handler)
            {
                Method = method;
                this.template = template;
                Handler = handler;
            }

            public string Method { get; }

            public Func<ArmRequest, RouteValues, ArmResponse> Handler { get; }

            public RouteValues? Match(string[] segments)
            {
                if (segments.Length != template.Length)
                {
                    return null;
                }

                var values = new RouteValues();
                for (int i = 0; i < template.Length; i++)
                {
                    string part = template[i];
                    if (part.StartsWith('{') && part.EndsWith('}'))
                    {
                        values.Add(part.Substring(1, part.Length - 2), segments[i]);
                    }
                    else if (!string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }
                }

                return values;
            }
        }
    }
}
