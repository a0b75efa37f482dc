namespace Carbon.LanguageServer.Tests;

internal static class Samples
{
    public const string Uri = "file:///workspace/test.carbon";

    /// <summary>A small valid campaign; tests insert <c>$0</c> where they need the cursor.</summary>
    public const string Campaign = """
        site jupiter : ai2_jupiter {
          pue = 1.2
          grid = 0.332 kgCO2e/kWh
        }
        hardware h100 : h100_sxm { }
        let dev_power = 580.9 W/GPU
        campaign "Test" {
          site = jupiter
          hardware = h100
          stage pretrain : pretraining {
            model = "7B"
            run final { gpu_time = 234_000 GPU*h  power = 621 W/GPU }
          }
          stage dev : other {
            run sweeps : development { gpu_time = 1_000 GPU*h  power = dev_power }
          }
        }
        """;

    public static string Olmo3Path => Path.Combine(TestPaths.Examples, "olmo3.carbon");

    public static string Olmo3Uri => new System.Uri(Olmo3Path).AbsoluteUri;

    public static string Olmo3 => File.ReadAllText(Olmo3Path);
}
