namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Whether a deployment name found as a token stands where code names a deployment
    /// (<see cref="PatternRules.NamingContextOnly"/>). Names such as <c>chat</c> or <c>default</c> are
    /// ordinary words in code (<c>client.chat.completions</c>, C#'s <c>= default</c>); they name a
    /// deployment only:
    /// <list type="bullet">
    /// <item>as a whole string literal: <c>"chat"</c>, <c>'chat'</c>, <c>`chat`</c> (JSON, Bicep and
    /// Terraform values are quoted too), but not as a key (<c>"default": false</c>) or a subscript
    /// (<c>data['embedding']</c>);</item>
    /// <item>as the whole value of a setting whose key speaks of deployments, models or engines, or is
    /// <c>name</c>: <c>AZURE_OPENAI_DEPLOYMENT=chat</c>, <c>export OPENAI_MODEL=chat</c>,
    /// <c>deployment_name: chat</c>, <c>- name: chat</c> (what may follow is blanks and a # comment);</item>
    /// <item>in a <c>deployments/chat/</c> URL path.</item>
    /// </list>
    /// Only the bytes of the current buffer are looked at; inside a line longer than a chunk, a setting's
    /// key may lie before the buffer, and then only the other two forms are recognised.
    /// </summary>
    internal static class NamingContext
    {
        private const int MaxKeyLength = 80;

        private static readonly byte[] DeploymentsPath = System.Text.Encoding.ASCII.GetBytes("deployments/");
        private static readonly string[] KeyWords = { "deploy", "model", "engine" };

        public static bool IsNaming(byte[] buffer, int dataStart, int dataEnd, int start, int end)
        {
            int before = start > dataStart ? buffer[start - 1] : -1;
            int after = end < dataEnd ? buffer[end] : -1;
            if ((before == '"' || before == '\'' || before == '`') && after == before)
            {
                // A value, not a key ("default": false, {'chat': 1}) nor a subscript (data['embedding']).
                return !IsKey(buffer, dataEnd, end + 1) && !IsSubscript(buffer, dataStart, dataEnd, start - 1, end + 1);
            }

            if (before == '/' && EndsWith(buffer, dataStart, start, DeploymentsPath))
            {
                return true;
            }

            return IsSettingValue(buffer, dataStart, dataEnd, start, end);
        }

        /// <summary>Whether blanks and then ':' follow the closing quote: the literal is a key (JSON, YAML, a dict).</summary>
        private static bool IsKey(byte[] buffer, int dataEnd, int afterQuote)
        {
            int i = afterQuote;
            while (i < dataEnd && (buffer[i] == ' ' || buffer[i] == '\t'))
            {
                i++;
            }

            return i < dataEnd && buffer[i] == ':' && (i + 1 >= dataEnd || buffer[i + 1] != ':');
        }

        /// <summary>Whether the literal is the whole index of a subscript: name['x'], f()["x"], a[0]['x'].</summary>
        private static bool IsSubscript(byte[] buffer, int dataStart, int dataEnd, int openQuote, int afterQuote)
        {
            if (openQuote - 2 < dataStart || buffer[openQuote - 1] != '[' || afterQuote >= dataEnd || buffer[afterQuote] != ']')
            {
                return false;
            }

            int before = buffer[openQuote - 2];
            return TokenRules.IsTokenChar(before) || before == ')' || before == ']';
        }

        private static bool IsSettingValue(byte[] buffer, int dataStart, int dataEnd, int start, int end)
        {
            // After the value: blanks, then the end of the line or a comment.
            int i = end;
            while (i < dataEnd && (buffer[i] == ' ' || buffer[i] == '\t'))
            {
                i++;
            }

            if (i < dataEnd && buffer[i] != '\n' && buffer[i] != '\r' && buffer[i] != '#')
            {
                return false;
            }

            // Before it: "key", blanks, '=' or ':', blanks.
            i = start - 1;
            while (i >= dataStart && (buffer[i] == ' ' || buffer[i] == '\t'))
            {
                i--;
            }

            if (i < dataStart || (buffer[i] != '=' && buffer[i] != ':'))
            {
                return false;
            }

            i--;
            while (i >= dataStart && (buffer[i] == ' ' || buffer[i] == '\t'))
            {
                i--;
            }

            int keyEnd = i + 1;
            while (i >= dataStart && keyEnd - i <= MaxKeyLength && (TokenRules.IsTokenChar(buffer[i]) || buffer[i] == '.'))
            {
                i--;
            }

            int keyStart = i + 1;
            if (keyStart == keyEnd || !IsNamingKey(buffer, keyStart, keyEnd))
            {
                return false;
            }

            // The key starts the line, after indentation, a YAML list dash or "export ".
            while (i >= dataStart && (buffer[i] == ' ' || buffer[i] == '\t'))
            {
                i--;
            }

            if (i >= dataStart && buffer[i] == '-')
            {
                i--;
                while (i >= dataStart && (buffer[i] == ' ' || buffer[i] == '\t'))
                {
                    i--;
                }
            }
            else if (i - 5 >= dataStart && EndsWith(buffer, dataStart, i + 1, Export))
            {
                i -= 6;
                while (i >= dataStart && (buffer[i] == ' ' || buffer[i] == '\t'))
                {
                    i--;
                }
            }

            return i < dataStart || buffer[i] == '\n';
        }

        private static readonly byte[] Export = System.Text.Encoding.ASCII.GetBytes("export");

        private static bool IsNamingKey(byte[] buffer, int from, int to)
        {
            var key = new char[to - from];
            for (int k = 0; k < key.Length; k++)
            {
                key[k] = (char)(buffer[from + k] | 0x20);
            }

            string text = new string(key);
            if (text == "name")
            {
                return true;
            }

            foreach (string word in KeyWords)
            {
                if (text.IndexOf(word, System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether buffer[..end) ends with <paramref name="text"/> (ASCII, ignoring case), within the data.</summary>
        private static bool EndsWith(byte[] buffer, int dataStart, int end, byte[] text)
        {
            int from = end - text.Length;
            if (from < dataStart)
            {
                return false;
            }

            for (int k = 0; k < text.Length; k++)
            {
                int b = buffer[from + k];
                if ((b >= 'A' && b <= 'Z' ? b | 0x20 : b) != text[k])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
