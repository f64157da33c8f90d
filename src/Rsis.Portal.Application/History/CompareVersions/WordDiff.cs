using DiffPlex;
using DiffPlex.Chunkers;

namespace Rsis.Portal.Application.History.CompareVersions;

/// <summary>A run of words the two texts share, or that only the older (deleted) or newer (inserted) one has.</summary>
public sealed record DiffPiece(DiffPieceKind Kind, string Text);

public enum DiffPieceKind
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>Two texts compared word by word (DiffPlex), as runs: "the <del>old</del><ins>new</ins> words".</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffPiece> Between(string older, string newer)
    {
        var diff = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker(Delimiters));
        var pieces = new List<DiffPiece>();
        var at = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(pieces, DiffPieceKind.Same, diff.PiecesOld.Skip(at).Take(block.DeleteStartA - at));
            Add(pieces, DiffPieceKind.Deleted, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(pieces, DiffPieceKind.Inserted, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            at = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, DiffPieceKind.Same, diff.PiecesOld.Skip(at));
        return pieces;
    }

    // Words and the spaces and punctuation between them are pieces of their own, so that a changed word is marked
    // alone and the text joins back exactly.
    private static readonly char[] Delimiters = [' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '"', '“', '”', '‘', '’', '—', '–'];

    private static void Add(List<DiffPiece> pieces, DiffPieceKind kind, IEnumerable<string> words)
    {
        var text = string.Concat(words);
        if (text.Length > 0)
        {
            pieces.Add(new DiffPiece(kind, text));
        }
    }
}
