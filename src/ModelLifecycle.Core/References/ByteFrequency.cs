namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Rough relative frequencies of bytes in source code and its docs (parts per ten thousand), used only to
    /// pick which byte of a pattern to hunt for: the rarer the byte, the fewer false candidates to verify.
    /// The numbers are estimates from typical C#, Python, JS, JSON and Markdown; only their order matters.
    /// </summary>
    internal static class ByteFrequency
    {
        private static readonly ushort[] Table = Build();

        public static int Of(byte b) => Table[b];

        private static ushort[] Build()
        {
            var table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                table[i] = 1; // control bytes and UTF-8 continuation/lead bytes are rare in source
            }

            Set(table, " ", 1500);
            Set(table, "\n", 300);
            Set(table, "\t", 50);
            Set(table, "\r", 20);
            Set(table, "e", 700);
            Set(table, "t", 550);
            Set(table, "a", 450);
            Set(table, "oi", 430);
            Set(table, "n", 420);
            Set(table, "rs", 400);
            Set(table, "l", 250);
            Set(table, "cd", 230);
            Set(table, "u", 180);
            Set(table, "pm", 170);
            Set(table, "h", 150);
            Set(table, "f", 120);
            Set(table, "g", 100);
            Set(table, "b", 90);
            Set(table, "y", 80);
            Set(table, "vw", 70);
            Set(table, "kx", 40);
            Set(table, "j", 15);
            Set(table, "qz", 10);
            for (char c = 'a'; c <= 'z'; c++)
            {
                table[c - 32] = (ushort)System.Math.Max(5, table[c] / 5);
            }

            Set(table, "01", 80);
            Set(table, "2", 60);
            Set(table, "3", 35);
            Set(table, "45", 30);
            Set(table, "68", 25);
            Set(table, "79", 20);
            Set(table, ".", 150);
            Set(table, "()\"", 120);
            Set(table, ",=", 100);
            Set(table, ";_", 80);
            Set(table, "-:/", 60);
            Set(table, "'", 50);
            Set(table, "{}", 40);
            Set(table, ">", 30);
            Set(table, "[]<", 25);
            Set(table, "*", 20);
            Set(table, "#", 15);
            Set(table, "+&!", 10);
            Set(table, "|\\", 8);
            Set(table, "@$%?", 5);
            Set(table, "`", 3);
            Set(table, "~^", 2);
            return table;
        }

        private static void Set(ushort[] table, string bytes, ushort frequency)
        {
            foreach (char c in bytes)
            {
                table[c] = frequency;
            }
        }
    }
}
