namespace GbaSim.Engine.Figures;

/// <summary>
/// <see cref="FigureFormatter"/>'s rules in JavaScript, for charts drawn in a browser (the HTML
/// report, the dashboard): <c>formatFigure({format}, value, style)</c> writes a value as the CLI does.
/// </summary>
public static class FigureScript
{
    public const string Source = """
        function formatFigure(figure, value, style) {
          if (value === null || value === undefined || !Number.isFinite(value)) return '–';
          const plain = (v, decimals) => {
            if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
            if (v === 0) return '0';
            const digits = Math.min(12, Math.max(0, decimals, 1 - Math.floor(Math.log10(Math.abs(v)))));
            return v.toLocaleString('en-US', { maximumFractionDigits: digits });
          };
          const yuan = v => {
            const m = Math.abs(v), sign = v < 0 ? '-' : '';
            if (style === 'Chinese') return m >= 1e8 ? `${sign}${plain(m / 1e8, 2)}亿元` : m >= 1e4 ? `${sign}${plain(m / 1e4, 1)}万元` : `${sign}${plain(m, 0)}元`;
            return m >= 1e9 ? `${sign}${plain(m / 1e9, 2)} B` : m >= 1e6 ? `${sign}${plain(m / 1e6, 1)} M` : sign + plain(m, 0);
          };
          switch (figure.format) {
            case 'percent': return plain(value * 100, 1) + '%';
            case 'yuan': return yuan(value);
            case 'p-value': return value < 0.001 ? '<0.001' : value.toFixed(3);
            case 'months': return plain(value, 1);
            case 'count': return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : plain(value, 1);
            default: return plain(value, 3);
          }
        }
        """;
}
