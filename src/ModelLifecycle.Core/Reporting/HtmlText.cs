using System.Text;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>Escaping for HTML and SVG text and attribute values (quoted with ").</summary>
    public static class HtmlText
    {
        /// <summary>
        /// Escapes &amp; &lt; &gt; " and ', and drops control characters other than tab and line breaks,
        /// which are not allowed in HTML text. Every value from Azure or a file goes through here.
        /// </summary>
        public static string Escape(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var sb = new StringBuilder(value!.Length + 16);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&':
                        sb.Append("&amp;");
                        break;
                    case '<':
                        sb.Append("&lt;");
                        break;
                    case '>':
                        sb.Append("&gt;");
                        break;
                    case '"':
                        sb.Append("&quot;");
                        break;
                    case '\'':
                        sb.Append("&#39;");
                        break;
                    default:
                        if (c < ' ' && c != '\t' && c != '\n' && c != '\r')
                        {
                            break;
                        }

                        sb.Append(c);
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
