using System;

namespace ModelLifecycle.Bench
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.Error.WriteLine("usage: ModelLifecycle.Bench <scenario> [options]");
            return 2;
        }
    }
}
